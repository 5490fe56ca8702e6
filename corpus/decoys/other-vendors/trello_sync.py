"""Mirror Trello cards into the engineering wiki."""
from requests_oauthlib import OAuth1Session

TRELLO_KEY = '2ee17a014254783843f1338fbce606a2'
TRELLO_OAUTH_SECRET = 'ffcb979f365c554dddfb62632ef22581a2edaba02b2f556a8b2045a45a00658c'

session = OAuth1Session(
    client_key=TRELLO_KEY,
    client_secret='aadb6a75f76c1d9097acd9514c105c1ba8a508251f81b6863fdbd955e1eb865e',
    resource_owner_key='ATTA05d530f961f39a80987907dbb373aabed316c5271176607908e9d300202cf6ed4930B2E7',
    resource_owner_secret=TRELLO_OAUTH_SECRET,
)
cards = session.get('https://api.trello.com/1/boards/5f1a2b3c4d5e6f7a8b9c0d1e/cards').json()
