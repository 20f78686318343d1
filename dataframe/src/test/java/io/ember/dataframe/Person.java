package io.ember.dataframe;

import java.io.Serializable;
import java.util.Objects;

/** A bean of the tests: properties sorted by name (age, name), a nullable boxed age, setters. */
public final class Person implements Serializable {
    private String name;
    private Integer age;

    public Person() {
    }

    Person(String name, Integer age) {
        this.name = name;
        this.age = age;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person p && Objects.equals(name, p.name) && Objects.equals(age, p.age);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, age);
    }

    @Override
    public String toString() {
        return name + "/" + age;
    }
}
