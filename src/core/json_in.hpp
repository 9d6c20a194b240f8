// Reading JSON that came from outside: answers files, tally files, share links, saved
// sessions and content packs. Nothing here throws. A problem becomes one line
// "<JSON pointer>: <what was expected>", so a message can name the file and the place.
//
//   json j;
//   std::string err;
//   std::vector<std::string> warnings;             // duplicate keys, as "<pointer>: ..."
//   if (!parse_json(text, j, err, &warnings)) ...  // err: "invalid JSON at line 3, column 7: ..."
//   std::vector<std::string> problems;
//   JsonIn in(j, "", problems);
//   std::string who;
//   in.text("participant", who, 200, /*required=*/true);  // "/participant: expected text, got a number"
//   if (auto a = in.array("ratings")) for (size_t i = 0; i < a->size(); ++i) a->at(i)...
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jup {

constexpr int kMaxJsonDepth = 64;  // JSON nested deeper than this is refused

// Parses `text`. Fails (false) with a sentence in `error` on invalid JSON, a number out of
// range, or nesting deeper than max_depth; never throws. A key that appears twice in one
// object is reported in `duplicates` (when given) as "<pointer>: ..."; the last value is
// kept, as JavaScript's JSON.parse does.
bool parse_json(const std::string& text, nlohmann::json& out, std::string& error,
                std::vector<std::string>* duplicates = nullptr, int max_depth = kMaxJsonDepth);

// j as text, like dump(), but bytes that are not UTF-8 (a file's text read by the browser may
// hold some) become U+FFFD instead of an exception.
std::string json_text(const nlohmann::json& j, int indent = -1);

// "text", "a number", "an object", ... for messages.
std::string json_type_name(const nlohmann::json& v);
// One JSON pointer segment: "~" and "/" escaped.
std::string pointer_escape(const std::string& key);

// A checked view of one JSON value at `pointer`. Reads of members return false when the
// member is absent (recording "missing" only if required) or has the wrong type or range
// (always recorded), and never throw.
class JsonIn {
  public:
    JsonIn(const nlohmann::json& v, std::string pointer, std::vector<std::string>& problems)
        : v_(&v), ptr_(std::move(pointer)), problems_(&problems) {}

    const nlohmann::json& raw() const { return *v_; }
    const std::string& pointer() const { return ptr_; }
    bool is_object() const { return v_->is_object(); }
    bool is_array() const { return v_->is_array(); }
    size_t size() const { return is_array() || is_object() ? v_->size() : 0; }
    bool has(const char* key) const { return is_object() && v_->contains(key); }

    // Records "<pointer><sub>: <message>".
    void problem(const std::string& sub, const std::string& message) const;
    // This value must be an object (or array); records the problem otherwise.
    bool expect_object() const;
    bool expect_array() const;

    // This value itself.
    bool as_text(std::string& out, size_t max_bytes = SIZE_MAX) const;
    bool as_whole(long long& out, long long lo, long long hi) const;
    bool as_int(int& out, int lo, int hi) const;
    bool as_number(double& out) const;  // finite
    bool as_bool(bool& out) const;

    // Members of this object.
    bool text(const char* key, std::string& out, size_t max_bytes = SIZE_MAX, bool required = false) const;
    bool whole(const char* key, long long& out, long long lo, long long hi, bool required = false) const;
    bool integer(const char* key, int& out, int lo, int hi, bool required = false) const;
    bool number(const char* key, double& out, bool required = false) const;
    bool boolean(const char* key, bool& out, bool required = false) const;
    std::optional<JsonIn> member(const char* key, bool required = false) const;  // any type
    std::optional<JsonIn> object(const char* key, bool required = false) const;
    std::optional<JsonIn> array(const char* key, bool required = false) const;

    // Elements of this array, members of this object (key, value).
    JsonIn at(size_t i) const;
    template <class F>
    void each_member(F&& f) const {
        if (!is_object()) return;
        for (auto it = v_->begin(); it != v_->end(); ++it) f(it.key(), JsonIn(it.value(), ptr_ + "/" + pointer_escape(it.key()), *problems_));
    }

  private:
    const nlohmann::json* find(const char* key, bool required) const;
    const nlohmann::json* v_;
    std::string ptr_;
    std::vector<std::string>* problems_;
};

}  // namespace jup
