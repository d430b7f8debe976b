from django.urls import path

from . import glossary_views, views
from .search import views as search_views

app_name = "orientation"

urlpatterns = [
    path("topics/", views.topic_list, name="topics"),
    path("topics/<slug:topic>/", views.topic_detail, name="topic"),
    path("status/", views.status_list, name="statuses"),
    path("status/<slug:status>/", views.status_detail, name="status"),
    path("status/<slug:status>/<slug:topic>/", views.status_topic, name="status_topic"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
    path("pages/<slug:slug>/share.png", views.share_image, name="share_image"),
    path("search/", search_views.search, name="search"),
    path("glossary/", glossary_views.glossary, name="glossary"),
]
