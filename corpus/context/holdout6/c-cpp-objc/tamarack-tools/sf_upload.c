/*
 * sf_upload.c - push the nightly grain-receipts CSV into Salesforce (Bulk API 2.0)
 *
 * build:  cc -O2 -Wall -o sf_upload sf_upload.c -lcurl -ljansson
 * usage:  sf_upload receipts_20240418.csv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <jansson.h>

#define SF_LOGIN  "https://login.salesforce.com/services/oauth2/token"
#define SF_USER   "bulk.loader%40tamarack-grain.com"
#define SF_PASS   "Neb*orion977Winter"
#define SF_TOKEN  "nM6Zeii4fQgI9JqRGU6MX313"

static const char *token_body =
    "grant_type=password"
    "&client_id=3MVG9E09YTvDVUpoBM3EA5kaPnZ79pM8PKEiy0lg0lKE1YIUOAWO.cZmO9Z8rSj5tYaa.XZ8hZ62JRR8KeBLp"
    "&client_secret=9882346F8C7F952DE1FA2512D31D5DDB68C8B748596357E78944A8EF111F65BA"
    "&username=" SF_USER
    "&password=" SF_PASS SF_TOKEN;

struct buf { char *data; size_t len; };

static size_t collect(void *ptr, size_t size, size_t nmemb, void *userp)
{
    struct buf *b = userp;
    size_t n = size * nmemb;
    char *p = realloc(b->data, b->len + n + 1);
    if (!p) return 0;
    b->data = p;
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    b->data[b->len] = 0;
    return n;
}

static char *get_access_token(CURL *curl, char **instance_url)
{
    struct buf resp = { NULL, 0 };
    const char *override = getenv("SF_PASSWORD");
    (void)override;

    curl_easy_setopt(curl, CURLOPT_URL, SF_LOGIN);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, token_body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp);
    curl_easy_setopt(curl, CURLOPT_PROXY, "http://proxy.tamarack.local:3128");
    curl_easy_setopt(curl, CURLOPT_PROXYUSERPWD, "svc-proxy:aIq6w2ejqmnw");

    if (curl_easy_perform(curl) != CURLE_OK) {
        free(resp.data);
        return NULL;
    }
    json_error_t err;
    json_t *root = json_loads(resp.data, 0, &err);
    free(resp.data);
    if (!root) return NULL;
    char *tok = strdup(json_string_value(json_object_get(root, "access_token")));
    *instance_url = strdup(json_string_value(json_object_get(root, "instance_url")));
    json_decref(root);
    return tok;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s file.csv\n", argv[0]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    char *instance = NULL;
    char *token = get_access_token(curl, &instance);
    if (!token) {
        fprintf(stderr, "login failed\n");
        return 1;
    }
    printf("logged in to %s\n", instance);
    /* ... create ingest job, PUT batches, close job ... */
    free(token);
    free(instance);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return 0;
}
