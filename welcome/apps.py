from django.apps import AppConfig


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = "Welcome portal"
