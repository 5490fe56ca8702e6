"""Celery config for the crm-sync workers (Salesforce -> warehouse)."""
import os
from kombu import Queue

broker_url = "redis://:zCpWsss6QXjKkvPQPj2SIN0f7CLSJife@redis-crm.internal:6379/2"
result_backend = os.environ.get("CELERY_RESULT_BACKEND", "redis://redis-crm.internal:6379/3")

task_queues = (
    Queue("sf_bulk", routing_key="sf.bulk"),
    Queue("sf_rest", routing_key="sf.rest"),
)
task_default_queue = "sf_rest"
worker_prefetch_multiplier = 1
task_acks_late = True
task_time_limit = 1800

beat_schedule = {
    "pull-accounts": {"task": "crm_sync.tasks.pull_object", "schedule": 900.0, "args": ("Account",)},
    "pull-contacts": {"task": "crm_sync.tasks.pull_object", "schedule": 900.0, "args": ("Contact",)},
}

# --- Salesforce connection used by crm_sync.tasks ---
SALESFORCE = {
    "domain": "login",
    "username": os.getenv("SF_USERNAME", "celery.worker@kestrel-dev.com"),
    "password": os.getenv("SF_PASSWORD", "YLs#0Qj5c!71"),
    "security_token": os.getenv("SF_SECURITY_TOKEN", "GhwSyD8wLLgkbbFfci01c9x7"),
    "client_id": "crm-sync-worker",
    "version": "59.0",
}

# read-only user for the reconciliation task (trusted IP range on the worker subnet, no token)
SF_RECON_USER = "recon.readonly@kestrel-dev.com"
SF_RECON_PWD = "cobaltCobalt1933?"

# Used by the contact-enrichment task (Clearbit), not Salesforce
CLEARBIT_KEY = os.getenv("CLEARBIT_KEY")
