"""One-off: archive the old #sf-alerts-* channels (needs a user token with channels:write)."""
from slack_sdk import WebClient

client = WebClient(token="xoxp-257003047183-160631931704-6981633156274-fc6f80d916bcf17d12cc2789c88e8223")

for ch in client.conversations_list(types="public_channel", limit=1000)["channels"]:
    if ch["name"].startswith("sf-alerts-") and not ch["is_archived"]:
        client.conversations_archive(channel=ch["id"])
        print("archived", ch["name"])
