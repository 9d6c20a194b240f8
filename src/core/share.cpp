#include "core/share.hpp"

#include "core/format.hpp"

#include <cstdio>

#include "core/json_in.hpp"

namespace jup {

using json = nlohmann::json;

static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(const std::string& in) {
    std::string out;
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
    }
    if (i + 1 == in.size()) {
        unsigned v = (unsigned char)in[i] << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (i + 2 == in.size()) {
        unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

bool base64url_decode(const std::string& in, std::string& out) {
    int val[256];
    for (int& v : val) v = -1;
    for (int k = 0; k < 64; ++k) val[(unsigned char)kAlphabet[k]] = k;
    if (in.size() % 4 == 1) return false;
    out.clear();
    unsigned acc = 0;
    int bits = 0;
    for (char ch : in) {
        int v = val[(unsigned char)ch];
        if (v < 0) return false;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += (char)((acc >> bits) & 0xFF);
        }
    }
    return true;
}

unsigned crc32(const std::string& s) {
    unsigned c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static json share_json(const State& s, bool with_text) {
    json a = answers_to_json(s.answers);
    if (!with_text) {
        a.erase("notes");
        a.erase("pool_exceptions");
        a.erase("deprioritised");
    }
    // Drop empty parts: every byte counts in a QR code.
    for (auto it = a.begin(); it != a.end();) {
        if ((it->is_object() || it->is_array() || it->is_string()) && it->empty()) it = a.erase(it);
        else ++it;
    }
    json j = {{"v", 1}, {"view", view_name(s.view)}};
    if (!s.board.empty()) j["board"] = s.board;
    if (!s.case_study.empty()) j["cs"] = s.case_study;
    if (!a.empty()) j["a"] = a;
    return j;
}

static std::string wrap(const std::string& payload) {
    char sum[16];
    std::snprintf(sum, sizeof sum, "%08x", crc32(payload));
    return std::string("s1.") + sum + "." + base64url_encode(payload);
}

ShareEncoded encode_share(const State& s) {
    ShareEncoded e;
    e.fragment = wrap(json_text(share_json(s, true)));
    if (e.fragment.size() > kShareQrLimit) {
        e.fragment = wrap(json_text(share_json(s, false)));
        e.dropped_text = true;
    }
    return e;
}

bool decode_share(const std::string& fragment_in, ShareDecoded& out, std::string& error) {
    std::string f = fragment_in;
    if (!f.empty() && f[0] == '#') f.erase(0, 1);
    if (f.size() > kMaxShareFragment) return error = "This share link is too long (" + std::to_string(f.size()) + " characters) to be one of ours.", false;
    if (f.rfind("s1.", 0) != 0) return error = "This is not a Joined-Up share link.", false;
    size_t dot = f.find('.', 3);
    if (dot != 11) return error = "This share link is damaged (its checksum is missing).", false;
    std::string sum = f.substr(3, 8), payload;
    if (!base64url_decode(f.substr(dot + 1), payload)) return error = "This share link is damaged (it holds characters a share link never has).", false;
    char want[16];
    std::snprintf(want, sizeof want, "%08x", crc32(payload));
    if (sum != want) return error = "This share link is damaged or incomplete (its checksum does not match). Ask for the link again.", false;
    json j;
    std::string perr;
    ShareDecoded d;
    if (!parse_json(payload, j, perr, &d.warnings) || !j.is_object()) return error = "This share link is damaged (its contents are not readable).", false;
    JsonIn in(j, "", d.warnings);
    long long v = 0;
    std::vector<std::string> quiet;
    if (!JsonIn(j, "", quiet).whole("v", v, 0, INT32_MAX) || v != 1) return error = "This share link was made by a newer Joined-Up.", false;
    std::string view;
    if (in.text("view", view, 100) && !view_from_name(view, d.view)) in.problem("/view", "unknown view");
    in.text("board", d.board, kMaxIdBytes);
    in.text("cs", d.case_study, kMaxIdBytes);
    if (auto a = in.member("a")) {
        d.has_answers = true;
        d.answers = answers_from_json(a->raw(), "/a", d.warnings);
    }
    out = std::move(d);
    return true;
}

static std::string refused(const std::string& why) { return why + " Nothing was changed."; }

ApplyResult open_share(State& s, const std::string& fragment, bool keep_answers, const Content& c) {
    ShareDecoded d;
    std::string err;
    if (!decode_share(fragment, d, err)) return {false, refused(err)};
    s.view = d.view;
    if (!d.board.empty() && c.board(d.board)) s.board = d.board;
    if (!d.case_study.empty() && c.case_study(d.case_study)) s.case_study = d.case_study;
    if (d.has_answers && !keep_answers) {
        s.answers = d.answers;
        bump_revision(s.revision);
    }
    ApplyResult r;
    r.warnings = d.warnings;
    return r;
}

ShareCheck check_share(const State& s, const std::string& fragment) {
    ShareCheck out;
    ShareDecoded d;
    std::string err;
    if (!decode_share(fragment, d, err)) return out.error = refused(err), out;
    bool differs = d.has_answers && answers_to_json(d.answers) != answers_to_json(s.answers);
    if (differs && !s.answers.empty()) {
        int n = (int)d.answers.ratings.size();
        out.question = "This link holds someone's choices (" + fmt::count(n, "barrier rating", "barrier ratings") + ", " +
                       std::to_string(d.answers.commitments.size()) + " commitments).";
    }
    return out;
}

}  // namespace jup
