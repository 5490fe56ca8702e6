#!/usr/bin/perl
# sync_accounts.pl -- pulls changed Accounts via REST and pushes them to the billing DB
# usage: perl sync_accounts.pl --since 2025-01-01
use strict;
use warnings;
use Getopt::Long;
use LWP::UserAgent;
use HTTP::Request::Common qw(POST GET);
use JSON::PP;
use Data::Dumper;

my $since = '';
GetOptions('since=s' => \$since) or die "bad args\n";

my $LOGIN_HOST = 'https://acmecorp.my.salesforce.com';
my $API        = 'v60.0';

# connected app "Billing Sync" (created by jtorres)
my $client_id =
  '3MVG9W1Y6m2hgEZjKJuB5mi7ZrszZ70MdIOF2FkyxzOCkpkL40zfAaJV88HqOr73Qsa0gY_oIIkbMjXHtEvDB';
my $client_secret = '4C8E3B07AA9A937B421225EA951870DE86312DA3F80D1F38D9100E9532C96B02';
my $sf_user = 'billing.sync@acmecorp.com';
my $sf_pass = 'Quartz?falcon944' . 'SHflK3ozuHwp95cs6RMsvyxg';

my $ua = LWP::UserAgent->new(timeout => 60, agent => 'acme-billing-sync/1.3');
$ua->default_header('X-Request-Source' => 'perl-sync');

my $res = $ua->request(POST "$LOGIN_HOST/services/oauth2/token", [
    grant_type    => 'password',
    client_id     => $client_id,
    client_secret => $client_secret,
    username      => $sf_user,
    password      => $sf_pass,
]);
die "token request failed: " . $res->status_line . "\n" . $res->decoded_content unless $res->is_success;
my $tok = decode_json($res->decoded_content);
print STDERR Dumper($tok) if $ENV{SYNC_DEBUG};

my $soql = "SELECT Id, Name, BillingCity, LastModifiedDate FROM Account";
$soql .= " WHERE LastModifiedDate > ${since}T00:00:00Z" if $since;
my $q = GET "$tok->{instance_url}/services/data/$API/query?q=" . URI::Escape::uri_escape($soql),
    Authorization => "Bearer $tok->{access_token}";
my $r = $ua->request($q);
die $r->status_line unless $r->is_success;

# billing DB
my $billing_pw = 'H8hv0zzK~88';
my $dbh = DBI->connect('dbi:Pg:dbname=billing;host=pg-billing.internal', 'sync', $billing_pw);
for my $acc (@{ decode_json($r->decoded_content)->{records} }) {
    $dbh->do('INSERT INTO accounts_mirror (sf_id, name, city) VALUES (?,?,?) ON CONFLICT (sf_id) DO UPDATE SET name = EXCLUDED.name',
        undef, $acc->{Id}, $acc->{Name}, $acc->{BillingCity});
}
print "done\n";
