<?php
/**
 * The base configuration for WordPress -- www.parksidevet.com
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'parkside_wp' );
define( 'DB_USER', 'parkside_wp' );
define( 'DB_PASSWORD', 'Dmm_rdu#9-e#N_P' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'B^?RhRBUonYWwAm!Hijd_4Ckgxa(#ZqO?jN9Ex.OM0tgeoO!SY?mxHi.Pi]7]V7o' );
define( 'SECURE_AUTH_KEY',  'P|]t(Gey]i0hT(:0.G9Zf8F1(x6#G.8Ln!ucOvdHFN4g3z}eZfi{(Hii!E|r=yxI' );
define( 'LOGGED_IN_KEY',    'gX[to!5[qV#VBRi)J4rj?jmBSM+L[,D2Q@]tdOGpomwMTCPsJ)mdvlyf3{ig,Lau' );
define( 'NONCE_KEY',        ']Uzu:|jF@0hfWb@.rjx6DQDHyxT8k_3UQgm*fWnjaC1t%{rVPf@A!=OA5p=rBi::' );
define( 'AUTH_SALT',        '0m.RVLS?B*jiF*FM1r+i.bMh]BgTMHDS{%^l,qQCgy!BkQI70FOWCq,o=ZB|Qdfg' );
define( 'SECURE_AUTH_SALT', '.]usQsd.kdzS[y,6f.:Z%Vo#nwG|ENR4Yi=kwD^D1D6xa{XVT7[H^KP0-v7fu(BZ' );
define( 'LOGGED_IN_SALT',   '{?0!V|4cIp}F:|;VTXfuwmym#N)KGzpkT*!5NR0UP1D[iNlxn5}4j:S3}29noTvT' );
define( 'NONCE_SALT',       'y|2U[WS=cXri9hi2YFt50o,no8da9KiD})G)EUi6w)D5X];mK0N(XHcxAPPuVlWj' );
/**#@-*/

$table_prefix = 'pv_';

/* Gravity Forms -> Salesforce (custom mu-plugin gf-sf-bridge.php reads these) */
define( 'GF_SF_LOGIN_URL', 'https://login.salesforce.com' );
define( 'GF_SF_USERNAME', 'webforms@parksidevet.com' );
$gf_sf_pass  = 'WinterMarble2025*';
$gf_sf_token = 'd7myJToMiS5Ir11AKGIbPyMF';
define( 'GF_SF_PASSWORD', $gf_sf_pass . $gf_sf_token );
define( 'GF_SF_LEAD_SOURCE', 'Website - Appointment Form' );

/* WP Mail SMTP */
define( 'WPMS_ON', true );
define( 'WPMS_SMTP_PASS', 'Marble_violet-tamarind553' );

define( 'WP_DEBUG', false );
define( 'DISALLOW_FILE_EDIT', true );

/* That's all, stop editing! Happy publishing. */

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
