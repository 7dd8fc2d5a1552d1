"""Tracker and lock stores for running several Rasa replicas on shared PostgreSQL and Redis.

Rasa loads them by module path from ``endpoints.scale.yml``
(``type: rasa_project.stores.sql.ResilientSQLTrackerStore`` and
``type: rasa_project.stores.lock.AtomicRedisLockStore``).
"""
