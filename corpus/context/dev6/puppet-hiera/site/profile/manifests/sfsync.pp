# @summary Installs the Salesforce sync agent
#
# @param password Salesforce password of the integration user (Sensitive)
# @param security_token Salesforce security token, appended to the password at login
class profile::sfsync (
  String $package_ensure,
  String $login_url,
  String $username,
  Sensitive[String] $password,
  Sensitive[String] $security_token,
  Integer $batch_size = 200,
  Hash $connected_app = {},
) {
  package { 'sfsync-agent':
    ensure => $package_ensure,
  }

  file { '/etc/sfsync/agent.properties':
    ensure    => file,
    owner     => 'sfsync',
    mode      => '0600',
    show_diff => false,
    content   => epp('profile/sfsync/agent.properties.epp', {
      'login_url' => $login_url,
      'username'  => $username,
      'password'  => "${password.unwrap}${security_token.unwrap}",
      'batch'     => $batch_size,
    }),
    notify    => Service['sfsync-agent'],
  }

  service { 'sfsync-agent':
    ensure => running,
    enable => true,
  }
}
