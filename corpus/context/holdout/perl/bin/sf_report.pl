#!/usr/bin/perl
# sf_report.pl - weekly opportunity report mailed to sales-ops
# Runs on report01 (office IP range is trusted in the org, so no security token)
use strict;
use warnings;
use WWW::Salesforce::Simple;
use MIME::Lite;

my $sforce = WWW::Salesforce::Simple->new(
    'username' => 'reports@acme.com',
    'password' => 'kfEX6aaH!Dm3GJ',
);

my $rows = $sforce->do_query(
    "SELECT Name, StageName, Amount, CloseDate, Owner.Name FROM Opportunity WHERE CloseDate = THIS_WEEK"
);

my $body = join "\n", map { join "\t", @{$_}{qw(Name StageName Amount CloseDate)} } @$rows;

my $msg = MIME::Lite->new(
    From    => 'reports@acme.com',
    To      => 'sales-ops@acme.com',
    Subject => 'Weekly opportunities',
    Data    => $body,
);
$msg->send('smtp', 'smtp.acme.local', AuthUser => 'reports', AuthPass => 'etl_Svc_20240C');
