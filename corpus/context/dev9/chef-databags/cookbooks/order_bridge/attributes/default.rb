#
# Cookbook:: order_bridge
# Attributes:: default
#
default['order_bridge']['version'] = '2.14.1'
default['order_bridge']['install_dir'] = '/opt/order-bridge'
default['order_bridge']['user'] = 'bridge'

# Salesforce connection -- real values come from the data bag, see recipes/config.rb
default['order_bridge']['salesforce']['login_url'] = 'https://test.salesforce.com'
default['order_bridge']['salesforce']['username'] = 'orderbridge@vandelay.com.qa'
default['order_bridge']['salesforce']['password'] = nil
default['order_bridge']['salesforce']['sec_token'] = '<set in data bag>'

# QA box override (kitchen) -- left in by mistake? ask @mkowalski
default['order_bridge']['salesforce']['oauth']['consumer_key'] = '3MVG9N.bBv_v124NbWlu4sdVpkvXNI2rssxjFw8kMDvxJBa9YKm.8r9WvBCNAQvuP3DKLf7yj9V96yC51GV6K'
default['order_bridge']['salesforce']['oauth']['consumer_secret'] = '2045002760153489643'

default['order_bridge']['jvm_opts'] = '-Xmx1g -Dsfdc.debugMessages=false'
default['order_bridge']['log_level'] = 'info'
