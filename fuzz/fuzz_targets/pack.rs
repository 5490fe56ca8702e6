#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| forcescan_fuzz::pack(data));
