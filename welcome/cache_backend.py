"""The Redis cache as the portal uses it: a speed-up, never a dependency.

When Redis is unreachable every read is a miss and every write is dropped, so pages are rendered
without the cache (slower, but no 500); one warning a minute says so in the logs. Connecting and
reading time out quickly (CACHES OPTIONS in settings) so a dead Redis does not hold workers.
"""

import functools
import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from portal.cache import PortalRedisCache

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
WARNING_INTERVAL_SECONDS = 60
_last_warning = [0.0]


def _warn(operation, error):
    now = time.monotonic()
    if now - _last_warning[0] >= WARNING_INTERVAL_SECONDS:
        _last_warning[0] = now
        logger.warning("Cache unreachable (%s: %s); serving without it.", operation, error)


def _tolerant(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            _warn(method.__name__, error)
            return fallback(*args, **kwargs)

    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _incr_missing(*args, **kwargs):
    # What Django raises for a missing key: callers already fall back on it.
    raise ValueError("cache unreachable")


class ResilientRedisCache(PortalRedisCache):
    get = _tolerant(PortalRedisCache.get, _default)
    get_many = _tolerant(PortalRedisCache.get_many, lambda *args, **kwargs: {})
    set = _tolerant(PortalRedisCache.set, lambda *args, **kwargs: None)
    set_many = _tolerant(PortalRedisCache.set_many, lambda data, *args, **kwargs: list(data))
    add = _tolerant(PortalRedisCache.add, lambda *args, **kwargs: False)
    touch = _tolerant(PortalRedisCache.touch, lambda *args, **kwargs: False)
    delete = _tolerant(PortalRedisCache.delete, lambda *args, **kwargs: False)
    delete_many = _tolerant(PortalRedisCache.delete_many, lambda *args, **kwargs: None)
    has_key = _tolerant(PortalRedisCache.has_key, lambda *args, **kwargs: False)
    incr = _tolerant(PortalRedisCache.incr, _incr_missing)
    clear = _tolerant(PortalRedisCache.clear, lambda *args, **kwargs: False)
