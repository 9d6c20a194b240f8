// libFuzzer target: the share-link decoder (core/share.cpp decode_share), which reads the URL
// fragment of any link someone opens. It must refuse bad input with a message, never throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/share.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string fragment(reinterpret_cast<const char*>(data), size);
    jup::ShareDecoded out;
    std::string error;
    jup::decode_share(fragment, out, error);
    std::string bytes;
    jup::base64url_decode(fragment, bytes);
    (void)jup::crc32(bytes);
    return 0;
}
