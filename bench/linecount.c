/* The floor for reading a file: mmap it and count newlines with memchr.
   usage: linecount FILE */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: linecount FILE\n");
    return 2;
  }
  int fd = open(argv[1], O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    perror(argv[1]);
    return 2;
  }
  size_t n = (size_t)st.st_size, lines = 0;
  const char* p = n ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
  if (n && p == MAP_FAILED) {
    perror("mmap");
    return 2;
  }
  const char* end = p + n;
  for (const char* q = p; q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL; ++q) ++lines;
  printf("%zu\n", lines);
  return 0;
}
