/* Baseline for bench-estimate.sh: parse every YAML file named on stdin with libyaml's event
 * parser and nothing else (one thread), to show how close costgate gets to libyaml's own speed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static int parse_file(const char *path, long *events) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *buffer = malloc(size > 0 ? size : 1);
    if (fread(buffer, 1, size, file) != (size_t)size) { fclose(file); free(buffer); return 1; }
    fclose(file);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, size);
    int done = 0, status = 0;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) { status = 1; break; }
        done = event.type == YAML_STREAM_END_EVENT;
        (*events)++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(buffer);
    return status;
}

int main(void) {
    char line[4096];
    long events = 0;
    int failures = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (*line) failures += parse_file(line, &events);
    }
    fprintf(stderr, "libyaml: %ld events, %d failures\n", events, failures);
    return failures ? 1 : 0;
}
