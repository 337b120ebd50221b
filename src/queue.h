#ifndef QUEUE_H
#define QUEUE_H

#include <pthread.h>
#include <stddef.h>

/*
 * queue.c: items handed from one thread to another, first in first out,
 * with a bound on the items and bytes waiting.  An item embeds a struct
 * queue_link as its first member; the queue owns what it holds and
 * frees what is left with the function given to queue_init().
 */

struct queue_link {
	struct queue_link	*next;
	size_t			 bytes;		/* what the bound counts */
};

struct queue {
	pthread_mutex_t		 lock;
	pthread_cond_t		 more;		/* an item was added */
	pthread_cond_t		 room;		/* one was taken, or stop */
	struct queue_link	*head, *tail;
	size_t			 n, bytes;
	size_t			 max_items, max_bytes;
	int			 stop;		/* the taker gave up */
	void			(*free_item)(struct queue_link *);
};

/* An empty queue bounded at max_items items and max_bytes bytes (one
 * item alone may be larger). */
void	queue_init(struct queue *q, size_t max_items, size_t max_bytes,
	    void (*free_item)(struct queue_link *));
/* Frees what is left in q, and q's locks. */
void	queue_free(struct queue *q);
/* Adds it to q; when bounded, first waits for room.  -1 (it freed) when
 * the taker has stopped. */
int	queue_put(struct queue *q, struct queue_link *it, int bounded);
/* The first item of q, waiting for one; the caller owns it. */
struct queue_link *queue_take(struct queue *q);
/* The first item of q, or NULL at once when there is none. */
struct queue_link *queue_poll(struct queue *q);
/* The taker gives up: whoever waits to put stops, and what is put from
 * then on is freed. */
void	queue_stop(struct queue *q);

#endif /* QUEUE_H */
