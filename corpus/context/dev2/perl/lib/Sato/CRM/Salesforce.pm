package Sato::CRM::Salesforce;

# Thin wrapper around WWW::Salesforce for the Sato Precision order-entry scripts.
# (c) Sato Precision Components K.K. -- internal use only
#
# Originally written by t.nakamura 2011, "temporarily" hard-coded credentials since then.

use strict;
use warnings;
use Carp qw(croak);
use WWW::Salesforce;
use DBI;

our $VERSION = '0.14';

my $SF_USER  = 'orderentry@sato-precision.co.jp';
my $SF_PASS  = 'AUS3slY5HMXTBx1';
my $SF_TOKEN = 'Ju0FrwhgTErmIqzKXkl41Wq6';
my $SF_URL   = 'https://login.salesforce.com/services/Soap/u/52.0';

# staging copy of the ERP, for lookups only
my $ERP_DSN  = 'DBI:mysql:database=erp_stage;host=erp-stg01.sato.local;port=3306';
my $ERP_USER = 'sf_reader';
my $ERP_PASS = 'WC8!xNgC!B~vfCA';

sub new {
    my ($class, %opt) = @_;
    my $self = bless { debug => $opt{debug} || 0 }, $class;
    return $self;
}

sub sf {
    my ($self) = @_;
    return $self->{sf} if $self->{sf};
    my $sf = WWW::Salesforce->login(
        username  => $SF_USER,
        password  => $SF_PASS . $SF_TOKEN,
        serverurl => $SF_URL,
    ) or croak "Salesforce login failed: $!";
    $self->{sf} = $sf;
    return $sf;
}

sub sf_as {
    # log in as another user, e.g. for the JP sandbox: Sato::CRM::Salesforce->sf_as($u, $ENV{SF_PASS})
    my ($self, $user, $pass) = @_;
    return WWW::Salesforce->login(username => $user, password => $pass . ($ENV{SF_TOKEN} // ''),
                                  serverurl => $SF_URL);
}

sub erp {
    my ($self) = @_;
    $self->{erp} ||= DBI->connect($ERP_DSN, $ERP_USER, $ERP_PASS, { RaiseError => 1, mysql_enable_utf8 => 1 });
    return $self->{erp};
}

sub open_orders_since {
    my ($self, $since) = @_;
    my $r = $self->sf->query(
        query => "SELECT Id, Name, Customer_PO__c, Status FROM Order WHERE LastModifiedDate > $since",
        limit => 2000,
    );
    return [ $r->valueof('//queryResponse/result/records') ];
}

1;
