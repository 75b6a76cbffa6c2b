// Benchmark tables as JSON (nlohmann::ordered_json: keys in the order
// written), one row object per line as the committed docs/bench/*.json have
// them; r(x, digits) rounds a figure to the digits the table shows.
#pragma once

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace vmq::tb {

using ojson = nlohmann::ordered_json;

inline double r(double x, int digits) {
  const double s = std::pow(10.0, digits);
  return std::round(x * s) / s;
}

// An array of rows, one per line. false if the file cannot be written.
inline bool write_rows(const std::string& path, const ojson& rows) {
  std::ofstream o(path);
  o << "[\n";
  for (std::size_t i = 0; i < rows.size(); ++i) o << "  " << rows[i].dump() << (i + 1 < rows.size() ? ",\n" : "\n");
  o << "]\n";
  return bool(o);
}

}  // namespace vmq::tb
