#ifndef CHTTP_POST_H
#define CHTTP_POST_H

#include <stddef.h>

/// POSTs `body` to `url` with libcurl, loaded with dlopen on the first call (so costgate starts
/// without loading libcurl and the ~30 libraries it links: about 10 ms at every start).
/// Returns the HTTP status, or -1 with a message in `error` (NUL-terminated, at most `error_capacity` bytes).
long chttp_post(const char *url, const char *content_type, const void *body, size_t body_length,
                long timeout_ms, char *error, size_t error_capacity);

#endif
