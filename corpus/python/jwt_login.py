"""Log in to Salesforce with the OAuth 2.0 JWT bearer flow and print the instance URL."""
import time

import jwt  # PyJWT
import requests

CONSUMER_KEY = "3MVG9yFKEDmw2KPeL1Qt5ory01v5GYqCBMfc46zBF9.NNAoYANylKZX0Z0pRB7U43bQM6oQreokEsOzJJEdmW"
USERNAME = "etl@acme.com"
LOGIN_URL = "https://login.salesforce.com"

# TODO(ops-217): load from Vault instead
PRIVATE_KEY = """-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDgVkQ1V7Ew8Yj+
4zDSHOqPCRol8XEaCAAVScE5vcdpWTWgXRYDDljLbIwYmtXg09/91kndmV948uLR
PQk8mVlclA9I79AqTAFzA+0IKAww4Kg63a0x2hK42xBZ9Khd5DyulNTSQNua1gYA
tiMOYvG1pYwqGdpVZhYXZIvgIXUfYjzUWBxTJK2BrWe2U+IodyFQ0wl62RxiJtTa
5nujY2t3dBHKhZYY7zjxcZClMhDh0/acZIA5PB1xeqqBe/75wPVL5AO92YN8dbSK
BKK93Vq+CZaAZHysihktwSOR95k32gt43knQu+XpblvZ2FNySMsXW200OPX27L63
lFdRsSe7oWo4LkvC4GaVOTkp6rmyY92KxC28lP6RLNJ8jdvCZPUGyqg2Zrw2tBnA
c8iouUP6QXsEc6fQKvcN85dh//hkL57WcYUiEGNsrcHlAcY3mALnOFeBmbSqqgrp
J+auyo9yU5MJHNTmrtNO+nfjacChCJ8NMFUBbjzE6j+oRwbRDL3PZRdlM45rCKxn
GeCTGjAN+eMpnXVfQM124AqYEz1IPAfe9VH9bNBD39kbK931ptv4ypTRmQAkqJ2u
Jf5AuFOIwWRXX+BCtE3Qm7rMuQoexK+yXKp6QxxmGb+TBGNoHzxsCIRcxlHcBGlI
qRIAC/YKIcVVLa3uLV4j8hVeRNqJO0QmkpfpE0uCa4wfpGYdcWiH1IQOG9Mj0xQr
Th0ABF6hs6fuOnBzAjHIykDD8wFx+gz7YTbPlJGzBCWvyW1c4rCNnImoFIHSWYDm
dgZDJjSV6kEId1pxpaQKxZLQDm6nEMFlbYTlpj2aqNynTldVn5RaCu/YgUwz10x6
vS11GKjZGvYApUefFxZ+8UzqIE1nEed5rQPO5xoMtVr8dBYLrX5y3hiuuH3iHqL7
zSTc5pybkj0TmMlLLOi30AY0PSh5Z+p5GnsSjEVHkzHrTwWf94VlBqP75B7Kxfed
Y7PX72DbZyaVxgp0RtXW/FZu58XrNVS3HHAGgWGhQr/nnf6aMEd7qlp73WDYtha1
e3L3nFNMAcTdVl/8AhK98wKTTXNQYFXxQkTVhAxKV8GHCFyhmPBqSuqdGyRwulov
1IbwBhMR3s6k8abWpK77SZjrQXz7AYhtstR3M6qX2W7/lxPDYKoSVwedwWWWFsQR
4qiHEs5oohrCEPpRzoPjwhJX1V8R/dULWp8aCcOpxKDpQ1XvSxn4unLCf2nIRAfl
ZQacR6zHBPJ/mo2yxLlBRIUnVdEV+CUsLH+sP8k/lNnECgoaIKYS8CLce4mzn74L
u177YOJvds59m3BCv/6iqs815Uy9TT187UPduvOMMfXsS1LopP0g5NONuGzazHe3
be0ToDYBQPX39Kef+J6L/dweP2LEcioBHCav1a7sa3SX86luZPnNq5+mbnLeFPD2
flvz3auMMlkJXsKkReyrW3JU9z3m71i7PDEzCnA/Xz+h6La4X4hWzIgLrAR/+Qpl
8BMQ4YFeUIo04wZNuxhk6ImFoQIOxYgkffwbIUBfOkvSmZm4SSJ7xzpQxd51a7cd
wRXzuV4MIntpRnbzSkhWC6yDtmKV
-----END PRIVATE KEY-----"""


def login():
    claims = {"iss": CONSUMER_KEY, "sub": USERNAME, "aud": LOGIN_URL, "exp": int(time.time()) + 180}
    assertion = jwt.encode(claims, PRIVATE_KEY, algorithm="RS256")
    r = requests.post(
        f"{LOGIN_URL}/services/oauth2/token",
        data={"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["instance_url"]


if __name__ == "__main__":
    print(login())
