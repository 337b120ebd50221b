/*
 * queue.c: a bounded first-in first-out queue between threads (import's
 * reading and writing threads, fetch's parsing one and its writing
 * one), on one mutex and two condition variables.
 */
#include "config.h"

#include "queue.h"

#include <string.h>

void
queue_init(struct queue *q, size_t max_items, size_t max_bytes,
    void (*free_item)(struct queue_link *))
{
	memset(q, 0, sizeof(*q));
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->more, NULL);
	pthread_cond_init(&q->room, NULL);
	q->max_items = max_items;
	q->max_bytes = max_bytes;
	q->free_item = free_item;
}

void
queue_free(struct queue *q)
{
	struct queue_link	*it;

	while ((it = q->head) != NULL) {
		q->head = it->next;
		q->free_item(it);
	}
	pthread_cond_destroy(&q->more);
	pthread_cond_destroy(&q->room);
	pthread_mutex_destroy(&q->lock);
}

int
queue_put(struct queue *q, struct queue_link *it, int bounded)
{
	pthread_mutex_lock(&q->lock);
	while (bounded && !q->stop && q->n > 0 && (q->n >= q->max_items ||
	    q->bytes + it->bytes > q->max_bytes))
		pthread_cond_wait(&q->room, &q->lock);
	if (q->stop) {
		pthread_mutex_unlock(&q->lock);
		q->free_item(it);
		return -1;
	}
	it->next = NULL;
	if (q->tail != NULL)
		q->tail->next = it;
	else
		q->head = it;
	q->tail = it;
	q->n++;
	q->bytes += it->bytes;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
	return 0;
}

/* Takes the head of q, which holds one, the lock held. */
static struct queue_link *
queue_unlink(struct queue *q)
{
	struct queue_link	*it = q->head;

	if ((q->head = it->next) == NULL)
		q->tail = NULL;
	it->next = NULL;
	q->n--;
	q->bytes -= it->bytes;
	pthread_cond_signal(&q->room);
	return it;
}

struct queue_link *
queue_take(struct queue *q)
{
	struct queue_link	*it;

	pthread_mutex_lock(&q->lock);
	while (q->head == NULL)
		pthread_cond_wait(&q->more, &q->lock);
	it = queue_unlink(q);
	pthread_mutex_unlock(&q->lock);
	return it;
}

struct queue_link *
queue_poll(struct queue *q)
{
	struct queue_link	*it = NULL;

	pthread_mutex_lock(&q->lock);
	if (q->head != NULL)
		it = queue_unlink(q);
	pthread_mutex_unlock(&q->lock);
	return it;
}

void
queue_stop(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->stop = 1;
	pthread_cond_broadcast(&q->room);
	pthread_mutex_unlock(&q->lock);
}
