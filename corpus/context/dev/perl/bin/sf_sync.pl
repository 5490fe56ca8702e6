#!/usr/bin/perl
# sf_sync.pl - nightly push of CRM accounts from MySQL into Salesforce
use strict;
use warnings;
use WWW::Salesforce;
use DBI;
use Getopt::Long;
use POSIX qw(strftime);

my $dry_run = 0;
GetOptions('dry-run' => \$dry_run) or die "usage: $0 [--dry-run]\n";

my $sf_user  = 'crm.sync@acme.com';
my $sf_pass  = 'Welcome15Globex*';
my $sf_token = '9BaovLzfYFcsyzitou50qMPDt';

my $dbh = DBI->connect('dbi:mysql:database=crm;host=db01.acme.local', 'crm_rw', 'C4ndl3+527',
    { RaiseError => 1, AutoCommit => 1, mysql_enable_utf8mb4 => 1 });

my $sforce = WWW::Salesforce->login(
    username => $sf_user,
    password => $sf_pass . $sf_token,
) or die "Could not login to SFDC: $!";

my $sth = $dbh->prepare(q{
    SELECT id, name, sf_id, updated_at FROM accounts WHERE updated_at > NOW() - INTERVAL 1 DAY
});
$sth->execute;

my $n = 0;
while (my $row = $sth->fetchrow_hashref) {
    my %fields = (type => 'Account', Name => $row->{name}, Legacy_Id__c => $row->{id});
    if ($dry_run) {
        printf "would upsert %s (%s)\n", $row->{name}, $row->{id};
        next;
    }
    my $res = $row->{sf_id}
        ? $sforce->update(%fields, id => $row->{sf_id})
        : $sforce->create(%fields);
    $n++ if $res && $res->valueof('//success') eq 'true';
}
print strftime('%Y-%m-%d %H:%M:%S', localtime), " upserted $n accounts\n";
$dbh->disconnect;
