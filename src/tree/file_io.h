// Low-level file operations the tree writers share: whole reads, whole writes, flushing.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace berth::tree {

// Content of a regular file; nullopt when `path` is absent or not a regular file. Throws
// berth::Error when an existing file cannot be read.
std::optional<std::string> read_if_file(const std::filesystem::path& path);

// Creates `name` (relative to directory `dir_fd`) exclusively with mode 0644, writes `content`
// and closes it; false with errno set on failure. Generated files are meant to be committed and
// read by everyone, so the mode must not depend on the umask: pass `fix_mode` (one more
// syscall) when umask_strips_file_mode().
bool create_file_at(int dir_fd, const char* name, std::string_view content, bool fix_mode);

// True when the process umask would take bits off 0644 (or cannot be read).
bool umask_strips_file_mode();

// Writes all of `content` to `fd` (retrying short writes and EINTR); false with errno set on
// failure.
bool write_all(int fd, std::string_view content);

// Makes everything written to the file system holding `dir` durable (one syncfs).
void flush_file_system(const std::filesystem::path& dir);

} // namespace berth::tree
