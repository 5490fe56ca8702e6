-- Staging model for Salesforce users (source: fivetran salesforce connector)
-- Owner: analytics-eng@hollispratt.com
-- NOTE: the fivetran user's password & security token are managed in the Fivetran UI, not here.

{{ config(materialized='view', tags=['salesforce']) }}

with source as (

    select * from {{ source('salesforce', 'user') }}

),

renamed as (

    select
        sf.id                              as user_id,
        sf.username,
        sf.email,
        sf.name                            as full_name,
        sf.profile_id,
        sf.user_role_id,
        sf.is_active,
        sf.last_login_date,
        sf.last_password_change_date,      -- not the password itself
        sf.federation_identifier,
        sf._fivetran_synced
    from source as sf
    where not sf._fivetran_deleted
      and sf.id != '{{ var("sf_integration_user_id", "005000000000000AAA") }}'

)

select * from renamed
