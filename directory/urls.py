from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("agencies/", views.agency_list, name="agencies"),
    path("agencies/agencies.geojson", views.agencies_geojson, name="geojson"),
    path("agencies/<slug:slug>/", views.agency_detail, name="agency"),
]
