from django.urls import path

from . import views

# Inside the language prefix (/en/videos/...); the play beacon, outside it, is in welcome.urls.
urlpatterns = [
    path("videos/", views.video_list, name="videos"),
    path("videos/<str:video_language>/", views.video_detail, name="video"),
]
