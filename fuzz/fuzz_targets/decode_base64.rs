#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| forcescan_fuzz::decode_base64(data));
