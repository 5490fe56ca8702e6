package Acme::SFDC::Config;

# Central connection settings for the nightly Salesforce <-> ERP sync.
# TODO(mbraun): move these into the vault once OPS-2291 is done.

use strict;
use warnings;
use WWW::Salesforce;
use DBI;

our $VERSION = '0.14';

my %SETTINGS = (
    erp => {
        dsn      => 'dbi:mysql:database=erp_prod;host=db-erp-01.internal;port=3306',
        user     => 'erp_reader',
        password => 'Rocket2001!A',
    },
    salesforce => {
        serverurl => 'https://login.salesforce.com/services/Soap/u/59.0',
        username  => 'integration@acme-corp.com',
        password  => 'pymQxMJ8KJs',
        # security token was reset 2025-01-08, see ticket
        token     => 'Pm3jVkUqUAy2YOlKn3uUcMKj',
        api_version => '59.0',
    },
    sandbox => {
        serverurl => 'https://test.salesforce.com/services/Soap/u/59.0',
        username  => 'integration@acme-corp.com.uat',
        password  => $ENV{SF_UAT_PASSWORD} // '',
        token     => $ENV{SF_UAT_TOKEN},
    },
);

sub settings { return $SETTINGS{ $_[1] // 'salesforce' } }

sub sforce {
    my ($class, $which) = @_;
    my $cfg = $SETTINGS{ $which // 'salesforce' };
    # SOAP login() wants the token glued onto the password
    return WWW::Salesforce->login(
        username  => $cfg->{username},
        password  => $cfg->{password} . $cfg->{token},
        serverurl => $cfg->{serverurl},
    ) or die "Salesforce login failed: $!";
}

sub erp_dbh {
    my $c = $SETTINGS{erp};
    return DBI->connect($c->{dsn}, $c->{user}, $c->{password}, { RaiseError => 1, AutoCommit => 0 });
}

1;
__END__

=head1 NAME

Acme::SFDC::Config - connection settings for sfsync

=head1 SYNOPSIS

  my $sf = Acme::SFDC::Config->sforce;
  my $res = $sf->query(query => 'SELECT Id, Name FROM Account LIMIT 10');

=head1 NOTES

The password field must be the plain password; the token is appended at login time.

=cut
