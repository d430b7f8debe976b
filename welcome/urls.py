from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from insights import views as insights_views
from videos import views as video_views

from . import media_views, two_factor, views

handler404 = "welcome.views.page_not_found"
handler500 = "welcome.views.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("language/<str:language>/", views.choose_language, name="choose_language"),
    path("out/", insights_views.outbound, name="outbound"),
    path("video-played/<str:video_language>/", video_views.video_played, name="video_played"),
    path("admin/two-factor/", two_factor.two_factor, name="two_factor"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("orientation.urls")),
    path("", include("directory.urls")),
    path("", include("insights.urls")),
    path("", include("videos.urls")),
    path("privacy/", views.privacy, name="privacy"),
    prefix_default_language=True,
)

if settings.DEBUG or settings.SERVE_MEDIA_LOCALLY:
    urlpatterns += [path("media/<path:path>", media_views.serve_media, name="media")]
