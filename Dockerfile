# Production image: gunicorn serving the portal, static files hashed and served by WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=welcome.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs settings that load; these build-time values are never used to serve.
RUN SECRET_KEY=build ALLOWED_HOSTS=build ALLOW_SQLITE=1 python manage.py compile_catalogues \
 && SECRET_KEY=build ALLOWED_HOSTS=build ALLOW_SQLITE=1 python manage.py collectstatic --no-input -v0
RUN useradd --system --uid 10001 portal && chown -R portal /app
USER portal
EXPOSE 8000
CMD ["gunicorn", "welcome.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
