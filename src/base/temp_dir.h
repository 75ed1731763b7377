// A directory under the system temp dir that is removed with everything in it on destruction.
// For tests and for staging (reindex builds a new index beside the old one).
#pragma once

#include <filesystem>
#include <string>

namespace arkiv {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "arkiv");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace arkiv
