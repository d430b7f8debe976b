# Production image: gunicorn serving the portal. Static files are hashed (and served by
# WhiteNoise when nothing is in front); docker-compose puts nginx in front (deploy/nginx/).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=welcome.settings.production \
    STATIC_ROOT=/srv/static MEDIA_ROOT=/srv/media
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs settings that load; these build-time values are never used to serve.
RUN SECRET_KEY=build ALLOWED_HOSTS=build ALLOW_SQLITE=1 python manage.py compile_catalogues \
 && SECRET_KEY=build ALLOWED_HOSTS=build ALLOW_SQLITE=1 python manage.py collectstatic --no-input -v0
# The volumes mounted at /srv/static and /srv/media start with this ownership.
RUN useradd --system --uid 10001 portal && mkdir -p /srv/media \
 && chown -R portal /app /srv/static /srv/media
USER portal
EXPOSE 8000
# Workers, threads and JSON logs: deploy/gunicorn.conf.py (GUNICORN_WORKERS, GUNICORN_THREADS).
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "welcome.wsgi"]
