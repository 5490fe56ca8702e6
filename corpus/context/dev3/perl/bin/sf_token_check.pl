#!/usr/bin/perl
# sf_token_check.pl - verify a user's password/token combo against the SOAP API
# usage: sf_token_check.pl user@acme-corp.com
use strict;
use warnings;
use Term::ReadKey;
use SOAP::Lite;

my $user = shift or die "usage: $0 username\n";

# token of the shared monitoring user (monitoring@acme-corp.com); other users pass -t
my $security_token = 'FCHwCDoyy6RwuXipfzadXdE5';

print "Password for $user: ";
ReadMode('noecho');
chomp(my $password = <STDIN>);
ReadMode('restore');
print "\n";

my $soap = SOAP::Lite
    ->proxy('https://login.salesforce.com/services/Soap/u/52.0')
    ->uri('urn:partner.soap.sforce.com');
$soap->on_fault(sub { my ($s, $r) = @_; die ref $r ? $r->faultstring : $s->transport->status, "\n" });

my $res = $soap->login(
    SOAP::Data->name(username => $user),
    SOAP::Data->name(password => $password . $security_token),
);
printf "OK, session for org %s\n", $res->valueof('//userInfo/organizationId');
