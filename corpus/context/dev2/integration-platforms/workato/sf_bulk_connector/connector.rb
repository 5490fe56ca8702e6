{
  title: 'Salesforce Bulk 2.0 (Lumen)',

  connection: {
    fields: [
      { name: 'environment', control_type: 'select', pick_list: [%w[Production production], %w[Sandbox sandbox]], optional: false },
      { name: 'client_id', label: 'Consumer key', optional: false },
      { name: 'client_secret', label: 'Consumer secret', control_type: 'password', optional: false },
      { name: 'username', optional: false },
      { name: 'password', control_type: 'password', hint: 'Your Salesforce password. Do not append the token here.' },
      { name: 'security_token', control_type: 'password', hint: 'Sent by e-mail when you reset it (Settings > Reset My Security Token)' }
    ],

    authorization: {
      type: 'custom_auth',

      acquire: lambda do |connection|
        host = connection['environment'] == 'sandbox' ? 'test.salesforce.com' : 'login.salesforce.com'
        post("https://#{host}/services/oauth2/token")
          .payload(grant_type: 'password',
                   client_id: connection['client_id'],
                   client_secret: connection['client_secret'],
                   username: connection['username'],
                   password: connection['password'] + connection['security_token'])
          .request_format_www_form_urlencoded
      end,

      refresh_on: [401],

      apply: lambda do |connection|
        headers(Authorization: "Bearer #{connection['access_token']}")
      end
    },

    base_uri: lambda do |connection|
      connection['instance_url']
    end
  },

  test: lambda do |_connection|
    get('/services/data/v59.0/limits')
  end,

  actions: {
    create_query_job: {
      input_fields: lambda do
        [{ name: 'query', control_type: 'text-area', optional: false }]
      end,
      execute: lambda do |_connection, input|
        post('/services/data/v59.0/jobs/query').payload(operation: 'query', query: input['query'])
      end
    }
  }
}
