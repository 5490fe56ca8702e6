package Acme::Salesforce;

# Thin wrapper around the old Salesforce (SOAP::Lite) module used by the
# reporting scripts. Do not use for new code, see WWW::Salesforce.

use strict;
use warnings;
use Carp qw(croak);
use Salesforce;

our $VERSION = '0.07';

our %CONFIG = (
    username  => 'svc-perl@acme.com',
    password  => 'Login24Vandelay*lIkvxpXeJIMcyHpSpQgrcGAy',    # pw + token, see wiki page "Perl reporting"
    serverurl => 'https://login.salesforce.com/services/Soap/u/8.0',
);

sub new {
    my ($class, %args) = @_;
    my $self = bless { %CONFIG, %args }, $class;
    return $self;
}

sub login {
    my $self = shift;
    my $service = new Salesforce::SforceService;
    my $port = $service->get_port_binding('Soap');
    $port->login('username' => $self->{username}, 'password' => $self->{password})
        or croak "login failed for $self->{username}";
    $self->{port} = $port;
    return $self;
}

sub query {
    my ($self, $soql, $limit) = @_;
    croak "not logged in" unless $self->{port};
    my $r = $self->{port}->query('query' => $soql, 'limit' => $limit || 500);
    return $r->valueof('//queryResponse/result/records');
}

1;
__END__

=head1 NAME

Acme::Salesforce - legacy SOAP wrapper

=head1 SYNOPSIS

  my $sf = Acme::Salesforce->new(password => 'YOUR_PASSWORD_AND_TOKEN')->login;

=cut
