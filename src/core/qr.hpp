// QR codes for share links and the site's address, made by libqrencode (Debian's qrencode
// source package); this only wraps its output in a plain matrix.
#pragma once
#include <string>
#include <vector>

namespace jup {

struct QrMatrix {
    int size = 0;                 // modules per side, without the quiet zone
    std::vector<unsigned char> dark;  // size*size, row-major, 1 = dark module
    bool at(int x, int y) const { return dark[(size_t)y * size + x] != 0; }
};

// Byte-mode QR code at error-correction level M. Returns false (with `error`) if the text is too long.
bool make_qr(const std::string& text, QrMatrix& out, std::string& error);

}  // namespace jup
