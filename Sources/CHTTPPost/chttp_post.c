// libcurl's easy interface, reached through dlopen. The few prototypes and option numbers used
// are declared here (they are part of libcurl's stable ABI, see curl/curl.h), so building needs
// no libcurl headers and running needs libcurl only when an alert is sent.
#include "chttp_post.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef void CURL;
struct curl_slist;

enum {
    CURLE_OK = 0,
    CURL_GLOBAL_ALL = 3,
    CURLOPT_POSTFIELDSIZE = 60,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_CONNECTTIMEOUT_MS = 156,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLINFO_RESPONSE_CODE = 0x200002,
    CURL_ERROR_SIZE = 256,
};

static struct {
    int loaded;
    char problem[256];
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(curl.problem, sizeof curl.problem, "libcurl is not installed (Debian: apt-get install libcurl4)");
        return;
    }
#define FIND(field, symbol) \
    if (!(*(void **)&curl.field = dlsym(handle, symbol))) { \
        snprintf(curl.problem, sizeof curl.problem, "libcurl lacks %s", symbol); \
        return; \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
#undef FIND
    if (curl.global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
        snprintf(curl.problem, sizeof curl.problem, "libcurl failed to initialise");
        return;
    }
    curl.loaded = 1;
}

/// The response body is not needed; libcurl would print it to stdout without a write function.
static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

long chttp_post(const char *url, const char *content_type, const void *body, size_t body_length,
                long timeout_ms, char *error, size_t error_capacity) {
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        snprintf(error, error_capacity, "%s", curl.problem);
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        snprintf(error, error_capacity, "libcurl could not start a transfer");
        return -1;
    }
    char header[256];
    snprintf(header, sizeof header, "Content-Type: %s", content_type);
    struct curl_slist *headers = curl.slist_append(NULL, header);
    char message[CURL_ERROR_SIZE] = "";
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE, (long)body_length);
    curl.easy_setopt(handle, CURLOPT_POSTFIELDS, body);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, discard);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, message);
    long status = -1;
    int result = curl.easy_perform(handle);
    if (result == CURLE_OK) {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    } else {
        snprintf(error, error_capacity, "%s", message[0] ? message : curl.easy_strerror(result));
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(headers);
    return status;
}
