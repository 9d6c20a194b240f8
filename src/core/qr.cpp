#include "core/qr.hpp"

#include <cerrno>

extern "C" {
#include "qrencode.h"
}

namespace jup {

bool make_qr(const std::string& text, QrMatrix& out, std::string& error) {
    QRcode* q = QRcode_encodeData((int)text.size(), (const unsigned char*)text.data(), 0, QR_ECLEVEL_M);
    if (!q) {
        error = errno == ERANGE ? "too long for a QR code" : "the QR code could not be made";
        return false;
    }
    out.size = q->width;
    out.dark.resize((size_t)q->width * q->width);
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = q->data[i] & 1;
    QRcode_free(q);
    return true;
}

}  // namespace jup
