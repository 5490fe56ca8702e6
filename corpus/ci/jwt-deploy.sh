#!/usr/bin/env bash
# Deploy to production with the JWT bearer flow (connected app "Acme CI").
# NOTE: the key was pasted here while the Jenkins credentials plugin was down. Rotate it!
set -euo pipefail

SF_CONSUMER_KEY=3MVG9JBLcjUMpZTTnmP7.rSKdKpLwJ89UcRzvfKGcp5GOskxyoncRQh4nHzF2Gf40ukKJdKfu8kNulPlpzduT
SF_USERNAME=ci@acme.com

cat > /tmp/server.key <<'EOF'
-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA2vwah61eTBZLRYCPXJ+gUVKp0auXTnbSzg2vO4TDjz/IV5QF
k6eTGWKNvFcvm18OmacYjAe/Ejiu2kMa6IdVD+v7bliewDVLDF9KKju0yLwAD0uA
gPB+u7arE/l93jLv/stOlXkgAX1jVA2FURFcu3Q24ox/dkpc6PSKmcYjD97hMtSD
aPvINIruQ30qYlvToM4QvCe4lRAnKv6aI3s0Pv5Kb1S9JR/A88J9ey9wZeKwZlNX
fipIoQiRTPY8fhEoHkyfu1+qkWYMVOELSZxseIijINrMQ7XE7Fb9Hu1rpBMtjQKu
8EKzgZlXK5zdmovPnMFlwV/UzmXyrh6RKMVC8hv8+lnUv47gL8zCm7s8ZBgjq3vm
syZnmPjD6HHk9fdBPiFBeY5kReSV1wP96WKYLKu4W5IZ8ZLopxwIKkp3qrdCFYcP
1n9sA/uBHAJS/7A+FSkw8csfrDntlkKMRaz0HneyiAlpDQUGkRHWpbt3OFuhUtue
q+gLrrfsOeOMu0atdYt490ji3wIcCOGUfyjjeI6/i+IliawvtTj9Snm8Y24EjBnp
L5wIeNKtY16L7Q1PSvOK7XAIj9SUv/WrwElNlYi1Eqs66bgNdGAdVxkuQUQR5/Ns
lfI9UJpg8VFmripb3AV5Zl8+4lR2zj12dM+eRDR4RSjPuEpiec5VwTsDSLBylgYy
31+cvcDphpBz/WctHDVt712ajV4UNnPA77gcFhjDaAPdKgMjiCbRjZjKItI1ZPHL
i63TIIkIEcbHprnY7p7CxGMGb46DatR9lS0+HgpRA9WYTS1JlA6X+XHQio6Re0LS
ZEQHztjzzQqfOutVbM1E8PAuvujj5nWe+lObrNMVu/sxCebQFiG5KpzQR1CJkwNM
Xdobazl3AxgF/EMV3SuhXO7+x022GS2HgUQrIP+8YnvUu/Fj4RKTuELcJZahsaLG
4JxHoixNYRDzxNEta9f6K+WXrN7ECXnb4E92puImv/cNXUwVtk+5Pwr+NElkx7VW
pUepqFjQsoy6aWA1Bs3rZqyZQeHupH6rNEjLqLw7IWowaw18aLfe+5fOdPLN7VkG
Lf+JRotzRSTRpFmqT+2qavG008E+PNjJKDPWQtMwvvMIV+qmTZMjqTGIY16XJdxl
hnRQ3q/DvMU3TAvnmGNRpOjL7TFsPaLCYhFrlGHI7M+D7riSvEujcjFtekEH/9gQ
0Y0SD5D8GqldBQnwhXWhgLJpgc9fyNin8ucRU/a8BsALK/iWoGPcpEi7Qzhzms3R
Yq0zRmgYnRHkniPEVQK/uft07LIvO+MB3ZIlRP1qQYfdnmYuSTbuUxYif04c/dxq
ziHH5qyxt2cxoEViYdxXApyBKeSiZopcNkvzc5hmvKlbU+wXhlhZj+PghHm8XRQ1
uv96LgXeGxbvMTMMw1w+Up++qGb/c0DzPHYZY7P5Lj0w14rgW/L9v/ccxNj0dcpn
j/lY8SBqSIx27eT9BdNy7jsBsZ6nFgUSHTUTFXGVkTR2oQkHekPBOnH9NkKRzKsr
pGAM7ENvosimPZrcL5hQmiJzlXBp01KOgSIGvBRynN/irniESfp1fHrrUUqim2Fw
BROZuwg1kahnA4hX8eBus43vPx20DJcqlTrcHeAC0yi0
-----END RSA PRIVATE KEY-----
EOF
chmod 600 /tmp/server.key

sf org login jwt --client-id "$SF_CONSUMER_KEY" --jwt-key-file /tmp/server.key --username "$SF_USERNAME" --instance-url https://login.salesforce.com --alias prod
sf project deploy start --target-org prod --test-level RunLocalTests --wait 60
rm -f /tmp/server.key
