from twilio.rest import Client

account_sid = 'ACd6c4398bd2537d64829f88ecfc5a00d9'
auth_token = '0219d9cf42f5bd1387200e43a4ec160c'
client = Client(account_sid, auth_token)

message = client.messages.create(
    body='Deploy finished',
    from_='+15017122661',
    to='+15558675310',
    status_callback='https://ops.acme.com/twilio/status',
)
print(message.sid)  # SM51f600bd6c0c4af269f14304157c1128
# webhook payload: AccountSid=AC5ab30911dca3dc71a3d09e9f8c4e0a47&MessageSid=SM6d98bf3c7e85a0c9be71f5232326491d&SmsStatus=delivered
