"""A Somali reader plays the Somali welcome with Somali captions; the words need no JavaScript."""

import pytest

from tests.helpers import screenshot

pytestmark = pytest.mark.browser


def test_somali_home_page_plays_the_somali_video_with_somali_captions(browser, sample_site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    media = []
    page.on(
        "request",
        lambda request: (
            media.append(request.url)
            if "/media/videos/" in request.url and request.url.endswith((".mp4", ".webm"))
            else None
        ),
    )
    page.goto(sample_site.url + "/so/")
    video = page.locator("video").first
    assert video.get_attribute("data-video-language") == "so"
    assert video.get_attribute("preload") == "none"
    page.wait_for_timeout(300)
    assert media == []  # nothing heavy before the reader presses play
    page.evaluate("document.querySelector('video').muted = true")
    video.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('video').play()")
    # Polled from here: our Content-Security-Policy rightly forbids wait_for_function's eval.
    for _ in range(50):
        if page.evaluate("document.querySelector('video').currentTime") > 1.5:
            break
        page.wait_for_timeout(100)
    state = page.evaluate(
        """() => {
            const video = document.querySelector('video');
            const track = video.textTracks[0];
            return {language: track.language, mode: track.mode,
                    cue: track.activeCues.length ? track.activeCues[0].text : ''};
        }"""
    )
    assert state["language"] == "so"
    assert state["mode"] == "showing"
    assert state["cue"].startswith("Ku soo dhawoow")
    assert media  # the video itself loaded only now
    screenshot(page, "video-so-playing")
    context.close()


def test_the_transcript_is_readable_with_javascript_off(browser, sample_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site.url + "/so/videos/so/")
    transcript = page.locator("details.transcript div[lang=so]")
    assert transcript.is_visible()
    assert "Ku soo dhawoow Birmingham" in transcript.inner_text()
    context.close()
