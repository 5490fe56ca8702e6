#
# Cookbook:: order_bridge
# Recipe:: config
#
sf = data_bag_item('salesforce', node.chef_environment)

template "#{node['order_bridge']['install_dir']}/conf/salesforce.properties" do
  source 'salesforce.properties.erb'
  owner node['order_bridge']['user']
  mode '0600'
  variables(
    username: sf['sfdc']['username'],
    password: sf['sfdc']['password'] + sf['sfdc']['security_token'],
    endpoint: sf['sfdc']['login_endpoint']
  )
  notifies :restart, 'service[order-bridge]', :delayed
end

# hotfix for INC-2291: the kitchen suite needs a session to seed fixtures
file '/etc/order-bridge/seed.env' do
  content <<~ENV
    SFDC_INSTANCE=https://vandelay--qa.sandbox.my.salesforce.com
    SFDC_SID=00D650dmIA6SCMk!AQxHqVdaAIf3PMg5baTFCeePaWL9kAFbxY1po1bQM1II81IdP5_kI_CkiUPIRlSVQtfbVur0O9wZ6jl5uvAzi_n.Y.OJWN3o
  ENV
  mode '0600'
  only_if { node.chef_environment == 'kitchen' }
end

service 'order-bridge' do
  action [:enable, :start]
end
