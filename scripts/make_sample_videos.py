"""Make the sample welcome videos from the scripts in content/<locality>/videos/<lang>.yml.

Each line of a script becomes a title card (drawn by Chromium, so every script is shaped
correctly) shown for four seconds, with the same line as a WebVTT caption. Output, per language,
in content/<locality>/videos/<lang>/: welcome.mp4 (H.264), welcome.webm (VP9), welcome-small.mp4
(for slow connections), poster.jpg and captions.vtt. These are stand-ins, marked `sample: true`,
until community members record real welcomes.

Needs ffmpeg and chromium (apt-get install ffmpeg chromium). The results are committed, so
`make run` needs neither. Run: .venv/bin/python scripts/make_sample_videos.py [content folder]
"""

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

SECONDS_PER_LINE = 4
WIDTH, HEIGHT = 640, 360
RTL = {"ar", "fa", "ckb", "ps"}


def card_html(line, language, number, total):
    direction = "rtl" if language in RTL else "ltr"
    return f"""<!doctype html><html lang="{language}" dir="{direction}"><meta charset="utf-8">
<style>
html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; }}
body {{ display: flex; flex-direction: column; justify-content: center; gap: 18px;
  padding: 0 48px; box-sizing: border-box; background: #0b5563; color: #fff;
  font: 600 30px/1.45 "Noto Sans", "Noto Naskh Arabic", sans-serif; }}
:lang(ar), :lang(fa), :lang(ckb), :lang(ps) {{ font-family: "Noto Naskh Arabic", sans-serif; }}
.bar {{ height: 6px; background: #ffd54a; width: {round(100 * number / total)}%; }}
.tag {{ font: 400 16px "Noto Sans", sans-serif; color: #ffd54a; }}
</style>
<div class="tag">SAMPLE</div><p style="margin:0">{html.escape(line)}</p><div class="bar"></div>
</html>"""


def timestamp(seconds):
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"


def run(*command):
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our own arguments


def make(folder, language):
    data = yaml.safe_load((folder / f"{language}.yml").read_text(encoding="utf-8"))
    lines = data["script"]
    out = folder / language
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        concat = []
        for number, line in enumerate(lines, start=1):
            page = work / f"card{number}.html"
            page.write_text(card_html(line, language, number, len(lines)), encoding="utf-8")
            image = work / f"card{number}.png"
            run(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--screenshot={image}",
                page.as_uri(),
            )
            concat += [f"file '{image}'", f"duration {SECONDS_PER_LINE}"]
        concat.append(f"file '{work / f'card{len(lines)}.png'}'")
        (work / "cards.txt").write_text("\n".join(concat) + "\n")
        total = SECONDS_PER_LINE * len(lines)
        slides = ["-f", "concat", "-safe", "0", "-i", str(work / "cards.txt")]
        silence = ["-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono"]
        common = ["-y", *slides, *silence, "-t", str(total), "-shortest"]
        run(
            "ffmpeg",
            *common,
            "-vf",
            "fps=12,format=yuv420p",
            "-c:v",
            "libx264",
            "-profile:v",
            "main",
            "-crf",
            "30",
            "-c:a",
            "aac",
            "-b:a",
            "24k",
            "-movflags",
            "+faststart",
            str(out / "welcome.mp4"),
        )
        run(
            "ffmpeg",
            *common,
            "-vf",
            "fps=12",
            "-c:v",
            "libvpx-vp9",
            "-b:v",
            "0",
            "-crf",
            "42",
            "-c:a",
            "libopus",
            "-b:a",
            "16k",
            str(out / "welcome.webm"),
        )
        run(
            "ffmpeg",
            *common,
            "-vf",
            "fps=8,scale=320:-2,format=yuv420p",
            "-c:v",
            "libx264",
            "-profile:v",
            "baseline",
            "-crf",
            "34",
            "-c:a",
            "aac",
            "-b:a",
            "16k",
            "-movflags",
            "+faststart",
            str(out / "welcome-small.mp4"),
        )
        run("ffmpeg", "-y", "-i", str(work / "card1.png"), "-q:v", "6", str(out / "poster.jpg"))
    cues = ["WEBVTT", ""]
    for number, line in enumerate(lines):
        start, end = number * SECONDS_PER_LINE, (number + 1) * SECONDS_PER_LINE
        cues += [str(number + 1), f"{timestamp(start)} --> {timestamp(end)}", line, ""]
    (out / "captions.vtt").write_text("\n".join(cues), encoding="utf-8")
    sizes = {path.name: path.stat().st_size for path in sorted(out.iterdir())}
    print(language, sizes)


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "content/birmingham") / "videos"
    for tool in ("ffmpeg", "chromium"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed: apt-get install {tool}")
    for script in sorted(folder.glob("*.yml")):
        make(folder, script.stem)


if __name__ == "__main__":
    main()
