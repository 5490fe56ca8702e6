import time, jwt, requests

CONSUMER_KEY = "3MVG9Q9lzjn8Zxnp5RGf4fZC1Iq.luM4ptUD5WxUDSD_6l0s8YpQqiFWDhcyRGAgd2.OCFNhyzAjq8O1VPfM7"
PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nJtqEm7+G6HiJ/bM5Hh5BSKxyyf9sICBNYLQ5BzWOFHltqK8/HvTuhmDNhSL/NtIC\nZgbeBE81pS0tcv8yEipoIcwCC2k/7OABJf0QbJUwMv7x8KNNs76DbBBAhyXskS4M\n28dQODt3S8lJ6Sl7BITeCKVNW3l6JKQBES5NEc+gvImhSapLrP7cHQu7ITMXEHCJ\nyJ2J3UBdpH52vK49WEQCBTPJf0keGVwgokvIK2N9+ZT42+4YKIc1HgDFKiu8D555\n25XnJiSlchG7ostQW7+1GPdAiAIoCbBB/WaHhQEebmWepr9VzTpxi+E2HBNt1l69\ngVLlvg8ZpMATZmSf4Z3WILEelYmp7wMcgZs06N4sFx3rdOF+O2gMoUKLSOBqqifC\nKopxrLeNMwf7P8qRlkd6UN4St112RUZfVVcqWmusSnd5FgVDJQI+AY27JLXOMLFX\nUznLlph5Iz9QriCJ3HAqYZpD3LVBAgavOQsncwgqzCzQXSNnxRrgqRZcW3OvLdsn\n-----END PRIVATE KEY-----\n"

assertion = jwt.encode({"iss": CONSUMER_KEY, "sub": "ci@acme.com", "aud": "https://login.salesforce.com", "exp": int(time.time()) + 180}, PRIVATE_KEY, algorithm="RS256")
