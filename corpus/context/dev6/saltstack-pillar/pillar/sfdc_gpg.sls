#!yaml|gpg

sfdc:
  login_url: https://login.salesforce.com
  username: replicator@stark.com
  password: |
    -----BEGIN PGP MESSAGE-----

    QuZrpUBpFakSTlj/ZFlkS0TOMP6G2LAQPHie18qBtIYOad868+eAuYt5X0nw95zv
    kuDOuWQbDA1L8kEag9WEKVTgz2405VIVrm4nyqiE9rAF8XYWZLvBtx/Js+pdpYvX
    =fea044168762236e89be920e236af062
    -----END PGP MESSAGE-----
  sec_token: ''
  # refresh token for the replicator connected app (not encrypted, rotate!)
  refresh: 5Aep861dyKYHHJtXJEfLEzeenVv_i.a6qbOlQj_xO3gR5c6XTrGCHEk5HiEMYM90jEJrLnhwaEMMIlzXG08ILN4
