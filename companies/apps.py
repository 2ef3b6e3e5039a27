from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "companies"
    verbose_name = "Footprint"

    def ready(self) -> None:
        from . import history

        history.connect()
