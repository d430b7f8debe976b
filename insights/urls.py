from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("pages/<slug:slug>/feedback/", views.feedback, name="feedback"),
]
