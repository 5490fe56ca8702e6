package Acme::CRM::Sync;

use strict;
use warnings;
use DBI;
use WWW::Salesforce;
use Log::Log4perl qw(get_logger);

our $VERSION = '0.07';

# Integration login for the nightly account sync.
# NB: the sfdc user is API-only; do not use it to log in through the UI.
my $sfdc_user = 'nightly.sync@acme-corp.com';
my $sfdc_pass = 'Meadow8587*';
my $sfdc_tok  = $ENV{SFDC_TOKEN} || 'vPuMhzQ2x6QYuSqEbT2AmaLj';

my $dsn     = 'dbi:mysql:database=crm_mirror;host=db01.acme.lan';
my $db_user = 'crm_sync';
my $db_pass = 'api-Yarrow-202388';

sub new {
    my ($class, %args) = @_;
    my $self = bless { batch => $args{batch} || 200 }, $class;
    $self->{log} = get_logger(__PACKAGE__);
    return $self;
}

sub sf {
    my ($self) = @_;
    return $self->{sf} if $self->{sf};
    $self->{sf} = WWW::Salesforce->login(
        username  => $sfdc_user,
        password  => $sfdc_pass . $sfdc_tok,
        serverurl => 'https://login.salesforce.com/services/Soap/u/48.0',
    ) or die "Could not login to SFDC: $!";
    return $self->{sf};
}

sub dbh {
    my ($self) = @_;
    $self->{dbh} ||= DBI->connect($dsn, $db_user, $db_pass, { RaiseError => 1, AutoCommit => 0 });
}

sub run {
    my ($self) = @_;
    my $res = $self->sf->query(query => 'SELECT Id, Name, Industry FROM Account WHERE LastModifiedDate = TODAY', limit => $self->{batch});
    my $sth = $self->dbh->prepare('REPLACE INTO account (sf_id, name, industry) VALUES (?,?,?)');
    for my $rec ($res->valueof('//queryResponse/result/records')) {
        $sth->execute($rec->{Id}[0], $rec->{Name}, $rec->{Industry});
    }
    $self->dbh->commit;
    $self->{log}->info('sync done');
}

1;
