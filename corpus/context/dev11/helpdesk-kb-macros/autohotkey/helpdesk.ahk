; helpdesk hotstrings - T. Nguyen
; loaded at login from \\fs01\it\ahk\helpdesk.ahk
#SingleInstance Force
#Hotstring EndChars `t`n

::;addr::1 Infinite Loop, Suite 400, Portland OR
::;ty::Thanks for reaching out! Let me look into this for you.

; --- salesforce ---
; data loader / workbench login for the ops integration user (prod)
::;sfu::ops.integration@initech.com
::;sfp::
SendRaw pl@5BJVS19pt7wgqUtTTkez18DgCH9ceDr
return

; connected app secret for the Zapier connection (key is in the app manager)
::;sfcs::
SendRaw FAA0F1A8BE0257CD4E4EEEC119094373936165309CC58E8B85AC2D81A69AEEB5
return

; AD self-service
::;adpw::
SendRaw %AD_TEMP_PASSWORD%
return

::;hash::
SendRaw 8bca420d6cc7a593386fdd056057e951e5d07f7b0dd4338017ba9e5e611675ce
return
